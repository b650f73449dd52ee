package cn.mubiao.scoring.assessment.application;

import cn.mubiao.scoring.assessment.domain.Category;

import java.util.Optional;

/** The unit tree's assessment categories (DEPARTMENTS, TOWNS, STREETS) as the assessment's {@link Category}. */
public final class Categories {

    private Categories() {
    }

    public static Optional<Category> of(String assessmentCategory) {
        if (assessmentCategory == null) {
            return Optional.empty();
        }
        return switch (assessmentCategory) {
            case "DEPARTMENTS" -> Optional.of(Category.DEPARTMENT);
            case "TOWNS" -> Optional.of(Category.TOWN);
            case "STREETS" -> Optional.of(Category.STREET);
            default -> Optional.empty();
        };
    }

    public static String code(Category category) {
        return switch (category) {
            case DEPARTMENT -> "DEPARTMENTS";
            case TOWN -> "TOWNS";
            case STREET -> "STREETS";
        };
    }
}
