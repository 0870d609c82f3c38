package org.gridpatrol.routing.schedule;

/** Why a visit is in no day's route. */
public enum UnmetReason {
    /** No team has a shift between the day it may be made and its due date. */
    NO_SHIFT_BEFORE_DUE,
    /** No team can reach it from its base and return. */
    UNREACHABLE,
    /** Even alone, no shift before the due date can start its service inside one of its time windows. */
    OUTSIDE_TIME_WINDOWS,
    /** Even alone, base → visit → base with its service time is longer than every shift before the due date. */
    EXCEEDS_SHIFT_ALONE,
    /** It fits alone, but the shifts before its due date are full with visits due earlier. */
    SHIFTS_FULL
}
