package cn.mubiao.target.plan.application;

import cn.mubiao.target.plan.domain.ProvinceStandard;

import java.util.Optional;

/** The province's catalogue imported for a plan (省市对接), as drafting a target needs it. */
public interface ProvinceCatalogue {

    /** What the catalogue of the plan sets for an indicator assessing the city; empty if it does not list it so. */
    Optional<ProvinceStandard> standardFor(String planId, String provinceCode);
}
