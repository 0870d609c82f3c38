package org.gridpatrol.data.imports;

/**
 * The form in which addresses are matched: full-width ASCII (ＡＢＣ１２３) as half-width, letters
 * lower-case, whitespace and punctuation (Chinese and ASCII) removed, and the traditional or
 * variant characters common in door plates written the simplified way (號→号, 巷, 弄 kept). Two
 * addresses match when their forms are equal; nothing fuzzier, so a match is never a guess.
 */
final class AddressText {

    private static final String VARIANTS_FROM = "號樓區鎮單門棟幢";
    private static final String VARIANTS_TO = "号楼区镇单门栋栋";

    private AddressText() {
    }

    static String normalise(String address) {
        if (address == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(address.length());
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0); // full-width ASCII block
            } else if (c == '\u3000') {
                c = ' ';
            }
            int variant = VARIANTS_FROM.indexOf(c);
            if (variant >= 0) {
                c = VARIANTS_TO.charAt(variant);
            }
            if (Character.isWhitespace(c) || isPunctuation(c)) {
                continue;
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static boolean isPunctuation(char c) {
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION || c == '·';
    }
}
