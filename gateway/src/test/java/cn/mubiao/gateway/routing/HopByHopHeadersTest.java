package cn.mubiao.gateway.routing;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HopByHopHeadersTest {

    final RemoveHopByHopHeadersFilter filter = (RemoveHopByHopHeadersFilter) new LeanHeaderFilters()
            .postProcessAfterInitialization(new RemoveHopByHopHeadersFilter(), "removeHopByHopHeadersFilter");
    final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/targets/x"));

    @Test
    void headersWithoutAnyHopByHopOnePassOnAsTheyAreWithoutACopy() {
        HttpHeaders sent = new HttpHeaders();
        sent.add("Authorization", "Bearer t");
        sent.add("Content-Length", "12");

        assertThat(filter.filter(sent, exchange)).isSameAs(sent);
    }

    @Test
    void hopByHopHeadersAndWhatConnectionNamesAreDroppedTheRestKept() {
        HttpHeaders sent = new HttpHeaders();
        sent.add("Authorization", "Bearer t");
        sent.add("connection", "keep-alive, X-Secret");
        sent.add("Keep-Alive", "timeout=5");
        sent.add("X-Secret", "from the client's hop");
        sent.add("Transfer-Encoding", "chunked");

        HttpHeaders relayed = filter.filter(sent, exchange);

        assertThat(relayed.headerNames()).containsExactly("Authorization");
    }

    @Test
    void theGatewaysFilterIsReplacedKeepingItsHeadersAndOrder() {
        RemoveHopByHopHeadersFilter gateways = new RemoveHopByHopHeadersFilter();
        gateways.setHeaders(Set.of("x-hop"));
        gateways.setOrder(7);

        Object replaced = new LeanHeaderFilters().postProcessAfterInitialization(gateways, "removeHopByHopHeadersFilter");

        assertThat(replaced).isInstanceOf(LeanHeaderFilters.CopyOnlyWhenNeeded.class);
        RemoveHopByHopHeadersFilter lean = (RemoveHopByHopHeadersFilter) replaced;
        assertThat(lean.getHeaders()).containsExactly("x-hop");
        assertThat(lean.getOrder()).isEqualTo(7);
        HttpHeaders sent = new HttpHeaders();
        sent.add("X-Hop", "1");
        sent.add("Connection", "close");
        assertThat(lean.filter(sent, exchange).headerNames()).containsExactly("Connection");
    }
}
