package cn.mubiao.kit.testing;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The access matrix kept as data in infra/system-tests (access-matrix.csv), seen from a service's tests. */
public final class AccessMatrix {

    public static final String FILE = "infra/system-tests/src/test/resources/access-matrix.csv";

    private AccessMatrix() {
    }

    /** {@code METHOD path-pattern} of every row, path variables written as {@code {}}. */
    public static Set<String> rows() {
        Set<String> rows = new TreeSet<>();
        for (String line : lines()) {
            String[] f = line.split(";");
            rows.add(f[0] + " " + normalise(f[1]));
        }
        return rows;
    }

    /** Every API endpoint a service maps, as {@code METHOD path-pattern}. */
    public static List<String> endpoints(RequestMappingHandlerMapping mapping) {
        List<String> out = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    out.add(m.name() + " " + normalise(pattern));
                }
            }
        }
        return out;
    }

    static String normalise(String path) {
        int q = path.indexOf('?');
        return (q < 0 ? path : path.substring(0, q)).replaceAll("\\{[^}]*}", "{}");
    }

    public static List<String> lines() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mubiao"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        try {
            return Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
