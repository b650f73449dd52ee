package cn.mubiao.target.unit.web;

import java.util.List;

/** One page of units, sorted by code; {@code page} counts from 0. */
record UnitPageResponse(List<UnitResponse> items, int page, int size, long total) {
}
