package org.gridpatrol.data.imports;

import org.gridpatrol.geo.register.RegisterField;
import org.gridpatrol.geo.register.RegisterKind;
import org.gridpatrol.geo.register.RegisterValues;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields a point kind stores, where (table and column, fixed here, never from a request), and
 * how a cell becomes a value: registers' fields are checked by grid-geo's {@link RegisterValues}, as
 * a register edit checks them, after the cell text is read as a number, yes/no or date the way
 * spreadsheets write them (是/否, 2026/12/1, 2026年12月1日).
 */
final class PointColumns {

    /** One stored field: its name in the mapping, its column, its SQL type, the value a new row gets when it is blank. */
    record Column(String field, String column, String sqlType, String insertDefault) {
    }

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    private PointColumns() {
    }

    static String table(ImportKind kind) {
        return switch (kind) {
            case HOUSEHOLDS -> "household";
            case RENTALS -> "rental_property";
            case KEYPLACES -> "key_place";
            case ADDRESSES -> "address_point";
            default -> throw new IllegalArgumentException(kind + " is not a point kind");
        };
    }

    static RegisterKind register(ImportKind kind) {
        return kind == ImportKind.HOUSEHOLDS ? RegisterKind.HOUSEHOLD : kind == ImportKind.RENTALS ? RegisterKind.RENTAL : null;
    }

    static List<Column> columns(ImportKind kind) {
        return switch (kind) {
            case HOUSEHOLDS -> List.of(new Column("address", "address", "text", null),
                    new Column("headName", "head_name", "text", null), new Column("headPhone", "head_phone", "text", null),
                    new Column("headIdNumber", "head_id_number", "text", null), new Column("residents", "residents", "integer", null),
                    new Column("floatingResidents", "floating_residents", "integer", "0"),
                    new Column("elderlyLivingAlone", "elderly_living_alone", "boolean", "false"));
            case RENTALS -> List.of(new Column("address", "address", "text", null),
                    new Column("landlordName", "landlord_name", "text", null), new Column("landlordPhone", "landlord_phone", "text", null),
                    new Column("tenants", "tenants", "integer", null), new Column("floatingResidents", "floating_residents", "integer", "0"),
                    new Column("nextInspection", "next_inspection", "date", null));
            case KEYPLACES -> List.of(new Column("kind", "kind", "text", null), new Column("name", "name", "text", null));
            case ADDRESSES -> List.of(new Column("address", "address", "text", null));
            default -> throw new IllegalArgumentException(kind + " is not a point kind");
        };
    }

    /**
     * The cell as the column's value (Integer, Boolean, LocalDate, String), or null when blank.
     *
     * @throws IllegalArgumentException saying what is wrong with the value, never quoting personal fields
     */
    static Object value(ImportKind kind, Column column, String cell) {
        if (cell == null) {
            return null;
        }
        RegisterKind register = register(kind);
        if (register != null) {
            RegisterField field = register.field(column.field()).orElseThrow();
            Object typed = switch (field.type()) {
                case INTEGER -> integer(cell, column.field());
                case BOOLEAN -> bool(cell, column.field());
                case DATE -> date(cell, column.field()).toString();
                default -> cell;
            };
            Object checked = RegisterValues.parse(register, Map.of(column.field(), typed)).values().get(field);
            return checked instanceof String s && field.type() == RegisterField.Type.DATE ? LocalDate.parse(s) : checked;
        }
        int max = column.field().equals("kind") ? 50 : 200;
        if (cell.length() > max) {
            throw new IllegalArgumentException(column.field() + " must have at most " + max + " characters");
        }
        return cell;
    }

    private static Integer integer(String cell, String field) {
        try {
            double d = Double.parseDouble(cell.replace(",", ""));
            if (d != Math.rint(d)) {
                throw new IllegalArgumentException(field + " must be a whole number");
            }
            return (int) d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
    }

    private static Boolean bool(String cell, String field) {
        return switch (cell.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "是", "有", "true", "yes", "y", "1", "√", "✓" -> true;
            case "否", "无", "false", "no", "n", "0", "×", "" -> false;
            default -> throw new IllegalArgumentException(field + " must be yes or no (是/否)");
        };
    }

    private static LocalDate date(String cell, String field) {
        Matcher m = DATE.matcher(cell.strip());
        try {
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if (cell.strip().matches("\\d{8}")) {
                return LocalDate.parse(cell.strip(), DateTimeFormatter.BASIC_ISO_DATE);
            }
        } catch (java.time.DateTimeException e) {
            // falls through to the message
        }
        throw new IllegalArgumentException(field + " must be a date like 2026-12-01");
    }
}
