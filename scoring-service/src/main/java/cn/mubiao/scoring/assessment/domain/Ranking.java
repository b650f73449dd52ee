package cn.mubiao.scoring.assessment.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The graded results of every category, each list best first. */
public record Ranking(Map<Category, List<GradedResult>> byCategory) {
    public Ranking {
        byCategory = Map.copyOf(byCategory);
    }

    public List<GradedResult> of(Category category) {
        return byCategory.getOrDefault(category, List.of());
    }

    public Optional<GradedResult> unit(String unitCode) {
        return byCategory.values().stream().flatMap(List::stream).filter(g -> g.unitCode().equals(unitCode)).findFirst();
    }

    public Grade gradeOf(String unitCode) {
        return unit(unitCode).map(GradedResult::grade).orElseThrow(() -> new IllegalArgumentException(unitCode));
    }
}
