package cn.mubiao.gateway.edge;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    @Test
    void aMadeIdIsAVersion4UuidAndNeverRepeatsInAMillion() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            String id = RequestIdFilter.fresh();
            UUID parsed = UUID.fromString(id);
            if (i < 1000) {
                assertThat(parsed.version()).isEqualTo(4);
                assertThat(parsed.variant()).isEqualTo(2);
            }
            assertThat(seen.add(id)).as(id).isTrue();
        }
    }

    @Test
    void aWellFormedIncomingIdIsKeptAndAnythingElseReplaced() {
        assertThat(RequestIdFilter.idOf("req-42.a:b")).isEqualTo("req-42.a:b");
        assertThat(RequestIdFilter.idOf("bad id\r\nX-Injected: 1")).isNotEqualTo("bad id\r\nX-Injected: 1")
                .matches("[0-9a-f-]{36}");
        assertThat(RequestIdFilter.idOf(null)).matches("[0-9a-f-]{36}");
    }
}
