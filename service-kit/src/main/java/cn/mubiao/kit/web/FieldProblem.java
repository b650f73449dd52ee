package cn.mubiao.kit.web;

/** One rejected field of a request: its JSON path and why, in Chinese first, English second. */
public record FieldProblem(String field, String reason) {
}
