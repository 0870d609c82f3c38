package org.gridpatrol.routing.route;

import com.graphhopper.util.Instruction;
import com.graphhopper.util.InstructionList;
import com.graphhopper.util.RoundaboutInstruction;
import org.gridpatrol.routing.graph.GeoPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Words for GraphHopper's instruction signs, in zh-CN and English, written for patrols (stops are
 * "checkpoints", not "via points"). GraphHopper's own zh_CN table lacks several entries (roundabout
 * exits, ferries), so the project keeps its own phrases for both languages.
 */
public final class InstructionPhrases {

    private InstructionPhrases() {
    }

    /** Both languages for every instruction of {@code list}; the n-th reached via point is stop n. */
    public static List<TurnInstruction> of(InstructionList list) {
        List<TurnInstruction> result = new ArrayList<>(list.size());
        int stop = 0;
        for (Instruction instruction : list) {
            int sign = instruction.getSign();
            if (sign == Instruction.REACHED_VIA) {
                stop++;
            }
            String street = instruction.getName() == null ? "" : instruction.getName().strip();
            int exit = instruction instanceof RoundaboutInstruction r ? r.getExitNumber() : 0;
            GeoPoint at = instruction.getPoints().isEmpty() ? new GeoPoint(0, 0)
                    : new GeoPoint(instruction.getPoints().getLon(0), instruction.getPoints().getLat(0));
            result.add(new TurnInstruction(sign, street, zh(sign, street, exit, stop), en(sign, street, exit, stop),
                    instruction.getDistance(), instruction.getTime() / 1000.0, at));
        }
        return result;
    }

    /** The Simplified Chinese phrase. */
    static String zh(int sign, String street, int exit, int stop) {
        String onto = street.isEmpty() ? "" : "进入" + street;
        return switch (sign) {
            case Instruction.CONTINUE_ON_STREET -> street.isEmpty() ? "继续直行" : "沿" + street + "继续前行";
            case Instruction.TURN_SLIGHT_LEFT -> "稍向左转" + onto;
            case Instruction.TURN_LEFT -> "左转" + onto;
            case Instruction.TURN_SHARP_LEFT -> "向左急转" + onto;
            case Instruction.TURN_SLIGHT_RIGHT -> "稍向右转" + onto;
            case Instruction.TURN_RIGHT -> "右转" + onto;
            case Instruction.TURN_SHARP_RIGHT -> "向右急转" + onto;
            case Instruction.KEEP_LEFT -> "靠左行驶" + onto;
            case Instruction.KEEP_RIGHT -> "靠右行驶" + onto;
            case Instruction.U_TURN_LEFT, Instruction.U_TURN_RIGHT, Instruction.U_TURN_UNKNOWN -> "掉头" + onto;
            case Instruction.USE_ROUNDABOUT -> "进入环岛，从第" + exit + "个出口驶出" + (street.isEmpty() ? "" : "，进入" + street);
            case Instruction.LEAVE_ROUNDABOUT -> "驶出环岛" + onto;
            case Instruction.REACHED_VIA -> "到达第" + stop + "个巡查点";
            case Instruction.FINISH -> "返回终点";
            case Instruction.FERRY -> "乘坐渡轮";
            default -> street.isEmpty() ? "继续前行" : "沿" + street + "前行";
        };
    }

    /** The English phrase. */
    static String en(int sign, String street, int exit, int stop) {
        String onto = street.isEmpty() ? "" : " onto " + street;
        return switch (sign) {
            case Instruction.CONTINUE_ON_STREET -> street.isEmpty() ? "Continue" : "Continue on " + street;
            case Instruction.TURN_SLIGHT_LEFT -> "Turn slightly left" + onto;
            case Instruction.TURN_LEFT -> "Turn left" + onto;
            case Instruction.TURN_SHARP_LEFT -> "Turn sharp left" + onto;
            case Instruction.TURN_SLIGHT_RIGHT -> "Turn slightly right" + onto;
            case Instruction.TURN_RIGHT -> "Turn right" + onto;
            case Instruction.TURN_SHARP_RIGHT -> "Turn sharp right" + onto;
            case Instruction.KEEP_LEFT -> "Keep left" + onto;
            case Instruction.KEEP_RIGHT -> "Keep right" + onto;
            case Instruction.U_TURN_LEFT, Instruction.U_TURN_RIGHT, Instruction.U_TURN_UNKNOWN -> "Make a U-turn" + onto;
            case Instruction.USE_ROUNDABOUT -> "At the roundabout, take exit " + exit + onto;
            case Instruction.LEAVE_ROUNDABOUT -> "Leave the roundabout" + onto;
            case Instruction.REACHED_VIA -> "Arrive at checkpoint " + stop;
            case Instruction.FINISH -> "Arrive back at the end point";
            case Instruction.FERRY -> "Take the ferry";
            default -> street.isEmpty() ? "Continue" : "Continue on " + street;
        };
    }
}
