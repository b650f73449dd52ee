package cn.mubiao.gateway.routing;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WholeSmallAnswersTest {

    /** The response the gateway writes to, remembering whether each body reached it whole (a Mono) or streamed. */
    static final class Written extends MockServerHttpResponse {
        final List<String> shapes = new ArrayList<>();

        @Override
        protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> body) {
            shapes.add(body instanceof Mono ? "whole" : "streamed");
            return super.writeWithInternal(body);
        }
    }

    final Written written = new Written();
    final WholeSmallAnswers.Joining joining = new WholeSmallAnswers.Joining(written);

    @Test
    void aSmallAnswerOfKnownLengthIsWrittenWholeWhateverTheChunksItCameIn() {
        written.getHeaders().setContentLength(21);

        joining.writeWith(chunks("{\"id\":\"a1\",", "\"name\":\"x\"}")).block();

        assertThat(written.shapes).containsExactly("whole");
        assertThat(written.getBodyAsString().block()).isEqualTo("{\"id\":\"a1\",\"name\":\"x\"}");
    }

    @Test
    void anAnswerWithoutALengthStreamsAsItCame() {
        joining.writeWith(chunks("data: 1\n\n", "data: 2\n\n")).block();

        assertThat(written.shapes).containsExactly("streamed");
        assertThat(written.getBodyAsString().block()).isEqualTo("data: 1\n\ndata: 2\n\n");
    }

    @Test
    void anAnswerLongerThanTheLimitStreamsAsItCame() {
        String half = "x".repeat((int) WholeSmallAnswers.MAX_JOINED / 2 + 1);
        written.getHeaders().setContentLength(2L * half.length());

        joining.writeWith(chunks(half, half)).block();

        assertThat(written.shapes).containsExactly("streamed");
        assertThat(written.getBodyAsString().block()).hasSize(2 * half.length());
    }

    private static Flux<DataBuffer> chunks(String... parts) {
        return Flux.fromArray(parts).map(p -> DefaultDataBufferFactory.sharedInstance.wrap(p.getBytes(StandardCharsets.UTF_8)));
    }
}
