package cn.mubiao.scoring.assessment;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.progress.ProgressVerified;
import cn.mubiao.contracts.progress.ValueSource;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.contracts.target.UnitChanged;
import cn.mubiao.kit.events.EventHandler;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Test fixtures fed through the service's own event handlers: units of the unit tree and departments with two
 * items (s = 60 and 40) verified at the given completions, so a department's base is 60·min(1,c1) + 40·min(1,c2).
 */
final class Year {

    private final EventHandler<TargetAssigned> targetAssigned;
    private final EventHandler<ProgressVerified> progressVerified;
    private final EventHandler<UnitChanged> unitChanged;

    Year(EventHandler<TargetAssigned> targetAssigned, EventHandler<ProgressVerified> progressVerified,
         EventHandler<UnitChanged> unitChanged) {
        this.targetAssigned = targetAssigned;
        this.progressVerified = progressVerified;
        this.unitChanged = unitChanged;
    }

    /** A department of the county {@code unitCode.substring(0, 6)} holding two verified items. */
    void department(int year, String unitCode, String name, String completion1, String completion2) {
        unit(unitCode, name, "DEPARTMENTS");
        item(year, unitCode, "T1", "60", completion1);
        item(year, unitCode, "T2", "40", completion2);
    }

    void unit(String code, String name, String category) {
        String parent = code.substring(0, 6);
        unitChanged.handle(new UnitChanged(code, name, code.contains("-") ? "DEPARTMENT" : "TOWNSHIP", parent, null,
                "GOVERNMENT", null, category, "ACTIVE", null, List.of(), "REGISTERED", 1, LocalDate.of(2000, 1, 1)),
                null);
    }

    void item(int year, String unitCode, String target, String s, String completion) {
        String id = year + "-" + target + "@" + unitCode;
        String issuer = unitCode.substring(0, 6);
        targetAssigned.handle(new TargetAssigned(id, year + "-" + issuer, year, target, "目标" + target, "经济发展",
                unitCode, unitCode, List.of(), issuer + "-TJJ", IndicatorKind.CUMULATIVE, "亿元", BigDecimal.TEN,
                new BigDecimal(s), Frequency.MONTHLY, List.of(), List.of(), 1, null, null, "LEAD", issuer,
                true, null, "OWN", null, List.of()), null);
        progressVerified.handle(new ProgressVerified("R-" + id, id, unitCode, year + "12", 1,
                ProgressVerified.VALUE_RECORDED, ValueSource.STATISTICS_BUREAU, BigDecimal.TEN,
                ValueSource.STATISTICS_BUREAU, new BigDecimal(completion), "tjj", issuer + "-TJJ",
                Instant.parse((year + 1) + "-01-20T00:00:00Z")), null);
    }
}
