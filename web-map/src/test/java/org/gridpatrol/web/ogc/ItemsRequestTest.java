package org.gridpatrol.web.ogc;

import org.gridpatrol.data.features.FeatureQuery;
import org.gridpatrol.web.http.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemsRequestTest {

    private static ItemsRequest of(String... pairs) {
        Map<String, String[]> parameters = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return ItemsRequest.of(parameters);
    }

    @Test
    void defaults() {
        FeatureQuery q = of().query();
        assertThat(q.limit()).isEqualTo(10);
        assertThat(q.offset()).isZero();
        assertThat(q.bbox()).isNull();
        assertThat(q.time()).isNull();
    }

    @Test
    void bboxOfFourOrSixNumbersLimitCappedAtTheMaximum() {
        FeatureQuery q = of("bbox", "1.5,42.4,0,1.6,42.6,100", "limit", "50000", "offset", "20").query();
        assertThat(q.bbox().west()).isEqualTo(1.5);
        assertThat(q.bbox().north()).isEqualTo(42.6);
        assertThat(q.limit()).isEqualTo(FeatureQuery.MAX_LIMIT);
        assertThat(q.offset()).isEqualTo(20);
        assertThat(of("bbox", "1.5,42.4,1.6,42.6").query().bbox().east()).isEqualTo(1.6);
    }

    @Test
    void badParametersAreNamed() {
        String[][] cases = {{"limit", "0"}, {"limit", "x"}, {"offset", "-1"}, {"bbox", "1,2,3"}, {"bbox", "1.6,42.4,1.5,42.6"},
                {"bbox", "1,2,3,x"}, {"f", "html"}, {"colour", "red"}, {"datetime", "soon"}};
        for (String[] c : cases) {
            assertThatThrownBy(() -> of(c[0], c[1])).as(c[0] + "=" + c[1]).isInstanceOf(InvalidFieldException.class)
                    .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo(c[0]));
        }
        assertThatThrownBy(() -> ItemsRequest.of(Map.of("limit", new String[] {"1", "2"}))).hasMessageContaining("once");
    }
}
