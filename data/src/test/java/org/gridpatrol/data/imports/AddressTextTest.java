package org.gridpatrol.data.imports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressTextTest {

    @Test
    void fullWidthSpacesPunctuationAndVariantsDoNotCount() {
        assertThat(AddressText.normalise("衢州市 柯城区 府山街道１２號")).isEqualTo("衢州市柯城区府山街道12号");
        assertThat(AddressText.normalise("「衢州市柯城区府山街道12号」")).isEqualTo("衢州市柯城区府山街道12号");
        assertThat(AddressText.normalise("Ｂ栋－３０１室，")).isEqualTo("b栋301室");
        assertThat(AddressText.normalise("3號樓\u30002單元")).isEqualTo("3号楼2单元");
    }

    @Test
    void differentNumbersStayDifferent() {
        assertThat(AddressText.normalise("府山街道12号")).isNotEqualTo(AddressText.normalise("府山街道21号"));
        assertThat(AddressText.normalise(null)).isNull();
    }
}
