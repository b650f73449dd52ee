package cn.mubiao.target.unit.domain;

import cn.mubiao.contracts.target.UnitChanged;
import cn.mubiao.kit.domain.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitTest {

    private static final LocalDate JAN = LocalDate.of(2008, 1, 1);
    private static final LocalDate JUL = LocalDate.of(2008, 7, 1);

    /** The tree in memory: the last version of every unit registered through {@link #add}. */
    private final Map<String, Unit> units = new HashMap<>();
    private final UnitTree tree = new UnitTree() {
        @Override
        public Optional<UnitVersion> current(String code) {
            return Optional.ofNullable(units.get(code)).map(Unit::current);
        }

        @Override
        public long activeChildren(String code) {
            return units.values().stream().map(Unit::current).filter(v -> code.equals(v.parentCode()) && v.active()).count();
        }

        @Override
        public long activeAttached(String code) {
            return units.values().stream().map(Unit::current).filter(v -> code.equals(v.attachedTo()) && v.active()).count();
        }
    };

    private static Profile region(String name, RegionKind kind) {
        return new Profile(name, kind, null, null, null);
    }

    private static Profile department(String name, DepartmentKind kind, String attachedTo) {
        return new Profile(name, null, kind, attachedTo, attachedTo == null ? AssessmentCategory.DEPARTMENTS : null);
    }

    private Unit add(String code, String parent, Profile profile) {
        Unit u = Unit.register(code, parent, profile, List.of(), JAN, tree);
        units.put(code, u);
        return u;
    }

    private void zhengzhou() {
        add("410000", null, region("河南省", RegionKind.PROVINCE));
        add("410100", "410000", region("郑州市", RegionKind.CITY));
        add("410102", "410100", region("中原区", RegionKind.DISTRICT));
        add("410103", "410100", region("二七区", RegionKind.DISTRICT));
    }

    @Test
    void registeringRecordsVersionOneAndUnitChanged() {
        zhengzhou();
        Unit street = add("410102001", "410102", new Profile("林山寨街道", RegionKind.STREET, null, null, AssessmentCategory.STREETS));

        assertThat(street.version()).isEqualTo(1);
        assertThat(street.current().level()).isEqualTo(cn.mubiao.kit.security.Level.TOWNSHIP);
        assertThat(street.pendingEvents()).singleElement().isInstanceOfSatisfying(UnitChanged.class, e -> {
            assertThat(e.code()).isEqualTo("410102001");
            assertThat(e.parentCode()).isEqualTo("410102");
            assertThat(e.kind()).isEqualTo("STREET");
            assertThat(e.assessmentCategory()).isEqualTo("STREETS");
            assertThat(e.change()).isEqualTo("REGISTERED");
            assertThat(e.validFrom()).isEqualTo(JAN);
        });
    }

    @Test
    void aTownshipOutsideItsParentCountyIsRefused() {
        zhengzhou();
        assertThatThrownBy(() -> add("410102001", "410103", region("林山寨街道", RegionKind.STREET)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("parentCode"));
    }

    @Test
    void aRegionCannotSitAboveItsParentsLevel() {
        zhengzhou();
        assertThatThrownBy(() -> add("410104", "410102", region("管城回族区", RegionKind.DISTRICT)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("parentCode"));
    }

    @Test
    void aDepartmentsParentIsTheRegionOfItsCode() {
        zhengzhou();
        add("410102-CZJ", "410102", department("中原区财政局", DepartmentKind.GOVERNMENT, null));

        assertThatThrownBy(() -> add("410102-SWJ", "410100", department("中原区商务局", DepartmentKind.GOVERNMENT, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("parentCode"));
    }

    @Test
    void theParentMustExistAndBeActive() {
        add("410000", null, region("河南省", RegionKind.PROVINCE));
        assertThatThrownBy(() -> add("410102", "410100", region("中原区", RegionKind.DISTRICT)))
                .isInstanceOfSatisfying(UnitRuleViolated.class, e -> assertThat(e.field()).isEqualTo("parentCode"));

        add("410100", "410000", region("郑州市", RegionKind.CITY));
        add("410108", "410100", region("邙山区", RegionKind.DISTRICT)).close(JUL, null, "更名为惠济区", tree);
        assertThatThrownBy(() -> add("410108001", "410108", region("新城街道", RegionKind.STREET)))
                .isInstanceOfSatisfying(UnitRuleViolated.class, e -> assertThat(e.field()).isEqualTo("parentCode"));
    }

    @Test
    void onlyAProvinceIsARootAndAProvinceHasNoParent() {
        assertThatThrownBy(() -> add("410100", null, region("郑州市", RegionKind.CITY)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("parentCode"));
        add("410000", null, region("河南省", RegionKind.PROVINCE));
        assertThatThrownBy(() -> add("420000", "410000", region("湖北省", RegionKind.PROVINCE)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("parentCode"));
    }

    @Test
    void malformedCodesAndVillagesAreRefused() {
        zhengzhou();
        for (String code : List.of("41010", "410102-fgw", "410102001001", "410102000", "4101O2")) {
            assertThatThrownBy(() -> add(code, "410102", region("某地", RegionKind.STREET)))
                    .as(code).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("code"));
        }
    }

    @Test
    void theKindMustFitTheLevelOfTheCode() {
        zhengzhou();
        assertThatThrownBy(() -> add("410102001", "410102", region("林山寨", RegionKind.DISTRICT)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("kind"));
        assertThatThrownBy(() -> add("410102-CZJ", "410102", region("中原区财政局", RegionKind.DISTRICT)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("departmentKind"));
        assertThatThrownBy(() -> add("410105", "410100", new Profile("金水区", RegionKind.DISTRICT, DepartmentKind.GOVERNMENT, null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("departmentKind"));
    }

    @Test
    void theAssessmentCategoryMustFitTheUnit() {
        zhengzhou();
        assertThatThrownBy(() -> add("410102001", "410102", new Profile("林山寨街道", RegionKind.STREET, null, null, AssessmentCategory.TOWNS)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("assessmentCategory"));
        assertThatThrownBy(() -> add("410102-CZJ", "410102", new Profile("中原区财政局", null, DepartmentKind.GOVERNMENT, null, AssessmentCategory.STREETS)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("assessmentCategory"));
        add("410102101", "410102", new Profile("某镇", RegionKind.TOWN, null, null, AssessmentCategory.TOWNS));
        add("410102201", "410102", new Profile("某乡", RegionKind.TOWNSHIP, null, null, AssessmentCategory.TOWNS));
    }

    @Test
    void anAttachedUnitHangsOnAnActiveDepartmentOfTheSameRegionAndIsScoredInsideIt() {
        zhengzhou();
        add("410102-QWB", "410102", department("区委办", DepartmentKind.PARTY, null));
        add("410103-QWB", "410103", department("区委办", DepartmentKind.PARTY, null));

        Unit xfj = add("410102-XFJ", "410102", department("区信访局", DepartmentKind.PARTY, "410102-QWB"));
        assertThat(xfj.current().attachedTo()).isEqualTo("410102-QWB");

        assertThatThrownBy(() -> add("410102-DCS", "410102", department("区督查室", DepartmentKind.PARTY, "410103-QWB")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("attachedTo"));
        assertThatThrownBy(() -> add("410102-BMJ", "410102", department("区保密局", DepartmentKind.PARTY, "410102-ZZB")))
                .isInstanceOfSatisfying(UnitRuleViolated.class, e -> assertThat(e.field()).isEqualTo("attachedTo"));
        assertThatThrownBy(() -> add("410102-JYJ", "410102", new Profile("区机要局", null, DepartmentKind.PARTY, "410102-QWB",
                AssessmentCategory.DEPARTMENTS)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("assessmentCategory"));
        assertThatThrownBy(() -> add("410102-SQB", "410102", department("区社区办", DepartmentKind.PARTY, "410102-SQB")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("attachedTo"));
    }

    @Test
    void anAttachmentThatWouldMakeACycleIsRefused() {
        zhengzhou();
        add("410102-QWB", "410102", department("区委办", DepartmentKind.PARTY, null));
        add("410102-XFJ", "410102", department("区信访局", DepartmentKind.PARTY, "410102-QWB"));
        add("410102-DCS", "410102", department("区督查室", DepartmentKind.PARTY, "410102-XFJ"));

        Unit qwb = units.get("410102-QWB");
        assertThatThrownBy(() -> qwb.describe(department("区委办", DepartmentKind.PARTY, "410102-DCS"), JUL, tree))
                .isInstanceOfSatisfying(UnitRuleViolated.class, e -> assertThat(e.field()).isEqualTo("attachedTo"));
        assertThat(qwb.version()).isEqualTo(1);
    }

    @Test
    void renamingMakesANewVersionAndTheSameProfileChangesNothing() {
        zhengzhou();
        Unit u = add("410108", "410100", region("邙山区", RegionKind.DISTRICT));

        assertThat(u.describe(region("惠济区", RegionKind.DISTRICT), JUL, tree)).isTrue();
        assertThat(u.describe(region("惠济区", RegionKind.DISTRICT), JUL, tree)).isFalse();

        assertThat(u.version()).isEqualTo(2);
        assertThat(u.current().change()).isEqualTo(UnitChange.DESCRIBED);
        assertThat(u.pendingEvents()).hasSize(2);
    }

    @Test
    void everyVersionIsReadableAsOfItsDates() {
        zhengzhou();
        Unit u = add("410108", "410100", region("邙山区", RegionKind.DISTRICT));
        u.describe(region("惠济区", RegionKind.DISTRICT), JUL, tree);

        assertThat(u.asOf(JAN.minusDays(1))).isEmpty();
        assertThat(u.asOf(JAN)).get().extracting(UnitVersion::name).isEqualTo("邙山区");
        assertThat(u.asOf(JUL.minusDays(1))).get().extracting(UnitVersion::name).isEqualTo("邙山区");
        assertThat(u.asOf(JUL)).get().extracting(UnitVersion::name).isEqualTo("惠济区");
        assertThat(u.history()).extracting(UnitVersion::version).containsExactly(1L, 2L);
    }

    @Test
    void aChangeCannotTakeEffectBeforeTheVersionItReplaces() {
        zhengzhou();
        Unit u = units.get("410102");
        assertThatThrownBy(() -> u.describe(region("中原", RegionKind.DISTRICT), JAN.minusDays(1), tree))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("validFrom"));
    }

    @Test
    void contactsAreCheckedAndChangingThemMakesAVersion() {
        zhengzhou();
        Unit u = units.get("410102");
        List<Contact> contacts = Contact.of(List.<String[]>of(
                new String[]{"王敏", "区目标办主任", "13800000011", "wangmin@demo.mubiao.cn"},
                new String[]{"李强", "区目标办科员", "0371-67181234", null}));

        assertThat(u.changeContacts(contacts, JUL)).isTrue();
        assertThat(u.changeContacts(contacts, JUL)).isFalse();
        assertThat(u.current().contacts()).hasSize(2);
        assertThat(u.current().change()).isEqualTo(UnitChange.CONTACTS_CHANGED);
    }

    @Test
    void aPhoneMustBeAChineseMobileOrLandlineAndAnEmailMustLookLikeOne() {
        for (String phone : List.of("12345", "23800000011", "138000000111", "67181234", "0371-6718")) {
            assertThatThrownBy(() -> Contact.of(List.<String[]>of(new String[]{"王敏", null, "13800000011", null},
                    new String[]{"李强", null, phone, null})))
                    .as(phone).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("contacts[1].phone"));
        }
        for (String email : List.of("wangmin", "wangmin@", "@demo.cn", "wang min@demo.cn", "wangmin@demo")) {
            assertThatThrownBy(() -> Contact.of(List.<String[]>of(new String[]{"王敏", null, null, email})))
                    .as(email).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("contacts[0].email"));
        }
        assertThatThrownBy(() -> Contact.of(List.<String[]>of(new String[]{" ", null, null, null})))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("contacts[0].name"));
        assertThat(Contact.of(List.<String[]>of(new String[]{"王敏", null, "+86-13800000011", null},
                new String[]{"李强", null, "037167181234", "li.qiang+mb@demo.mubiao.cn"},
                new String[]{"赵刚", null, "010-12345678-801", null}))).hasSize(3);
    }

    @Test
    void movingUnderAnotherParentKeepsTheCodeWhenItFits() {
        zhengzhou();
        // registered straight under the city, then placed in its district: 410102001 lies under both
        Unit street = add("410102001", "410100", region("林山寨街道", RegionKind.STREET));

        assertThat(street.moveTo("410102", JUL, "划归中原区管理", tree)).isTrue();
        assertThat(street.moveTo("410102", JUL, "划归中原区管理", tree)).isFalse();

        assertThat(street.current().parentCode()).isEqualTo("410102");
        assertThat(street.current().change()).isEqualTo(UnitChange.MOVED);
        assertThat(street.current().reason()).isEqualTo("划归中原区管理");
        assertThat(street.asOf(JAN)).get().extracting(UnitVersion::parentCode).isEqualTo("410100");
    }

    @Test
    void movingAUnitWhoseCodeNoLongerFitsNeedsANewCode() {
        zhengzhou();
        Unit street = add("410102001", "410102", region("林山寨街道", RegionKind.STREET));

        assertThatThrownBy(() -> street.moveTo("410103", JUL, "区划调整", tree))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("newCode"));
        assertThatThrownBy(() -> street.moveTo("410103", "410102002", JUL, "区划调整", tree))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("newCode"));
        assertThat(street.version()).isEqualTo(1);
    }

    @Test
    void movingWithANewCodeClosesTheOldUnitWithItsSuccessorAndRegistersTheNewOne() {
        zhengzhou();
        Unit old = add("410102001", "410102", new Profile("林山寨街道", RegionKind.STREET, null, null, AssessmentCategory.STREETS));
        old.changeContacts(Contact.of(List.<String[]>of(new String[]{"王敏", "主任", "13800000011", null})), JAN);

        Unit moved = old.moveTo("410103", "410103020", JUL, "区划调整", tree);

        assertThat(old.current().status()).isEqualTo(UnitStatus.CLOSED);
        assertThat(old.current().successor()).isEqualTo("410103020");
        assertThat(old.current().validFrom()).isEqualTo(JUL);
        assertThat(old.asOf(JAN)).get().extracting(UnitVersion::status).isEqualTo(UnitStatus.ACTIVE);
        assertThat(moved.code()).isEqualTo("410103020");
        assertThat(moved.current().parentCode()).isEqualTo("410103");
        assertThat(moved.current().name()).isEqualTo("林山寨街道");
        assertThat(moved.current().contacts()).hasSize(1);
        assertThat(moved.current().validFrom()).isEqualTo(JUL);
        assertThat(moved.pendingEvents()).singleElement().isInstanceOfSatisfying(UnitChanged.class,
                e -> assertThat(e.change()).isEqualTo("REGISTERED"));
    }

    @Test
    void aNewCodeAlreadyInUseIsRefused() {
        zhengzhou();
        Unit old = add("410102001", "410102", region("林山寨街道", RegionKind.STREET));
        add("410103001", "410103", region("淮河路街道", RegionKind.STREET));

        assertThatThrownBy(() -> old.moveTo("410103", "410103001", JUL, "区划调整", tree))
                .isInstanceOfSatisfying(UnitRuleViolated.class, e -> assertThat(e.field()).isEqualTo("newCode"));
    }

    @Test
    void aDepartmentMovedToAnotherRegionTakesANewCodeAndLeavesItsAttachmentBehind() {
        zhengzhou();
        add("410102-QWB", "410102", department("区委办", DepartmentKind.PARTY, null));
        Unit xfj = add("410102-XFJ", "410102", department("区信访局", DepartmentKind.PARTY, "410102-QWB"));

        assertThatThrownBy(() -> xfj.moveTo("410103", JUL, "调整", tree))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("newCode"));
        Unit moved = xfj.moveTo("410103", "410103-XFJ", JUL, "调整", tree);

        assertThat(moved.current().parentCode()).isEqualTo("410103");
        assertThat(moved.current().attachedTo()).isNull();
    }

    @Test
    void aUnitWithActiveChildrenOrAttachedUnitsCannotBeClosed() {
        zhengzhou();
        add("410102001", "410102", region("林山寨街道", RegionKind.STREET));
        add("410102-QWB", "410102", department("区委办", DepartmentKind.PARTY, null));
        add("410102-XFJ", "410102", department("区信访局", DepartmentKind.PARTY, "410102-QWB"));

        assertThatThrownBy(() -> units.get("410102").close(JUL, null, "撤销", tree))
                .isInstanceOfSatisfying(UnitRuleViolated.class, e -> assertThat(e.field()).isEqualTo("code"));
        assertThatThrownBy(() -> units.get("410102-QWB").close(JUL, null, "撤销", tree))
                .isInstanceOfSatisfying(UnitRuleViolated.class, e -> assertThat(e.reason()).contains("挂靠"));

        assertThat(units.get("410102-XFJ").close(JUL, "410102-QWB", "并入区委办", tree)).isTrue();
        assertThat(units.get("410102-QWB").close(JUL, null, "撤销", tree)).isTrue();
    }

    @Test
    void closingKeepsTheHistoryAndAClosedUnitNeverChangesAgain() {
        zhengzhou();
        Unit u = add("410108", "410100", region("邙山区", RegionKind.DISTRICT));
        add("410109", "410100", region("惠济区", RegionKind.DISTRICT));

        assertThat(u.close(JUL, "410109", "更名", tree)).isTrue();
        assertThat(u.close(JUL, "410109", "更名", tree)).isFalse();

        assertThat(u.current().status()).isEqualTo(UnitStatus.CLOSED);
        assertThat(u.current().successor()).isEqualTo("410109");
        assertThat(u.asOf(JAN)).get().extracting(UnitVersion::status).isEqualTo(UnitStatus.ACTIVE);
        assertThatThrownBy(() -> u.close(JUL.plusDays(1), null, "再撤销", tree))
                .isInstanceOf(UnitRuleViolated.class);
        assertThatThrownBy(() -> u.describe(region("邙山", RegionKind.DISTRICT), JUL, tree))
                .isInstanceOfSatisfying(UnitRuleViolated.class, e -> assertThat(e.field()).isEqualTo("code"));
        assertThatThrownBy(() -> u.moveTo("410000", JUL, "x", tree)).isInstanceOf(UnitRuleViolated.class);
    }

    @Test
    void theSuccessorMustBeAnotherActiveUnit() {
        zhengzhou();
        Unit u = add("410108", "410100", region("邙山区", RegionKind.DISTRICT));

        assertThatThrownBy(() -> u.close(JUL, "410109", "更名", tree))
                .isInstanceOfSatisfying(UnitRuleViolated.class, e -> assertThat(e.field()).isEqualTo("successor"));
        assertThatThrownBy(() -> u.close(JUL, "410108", "更名", tree))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("successor"));
        assertThatThrownBy(() -> u.close(JAN.minusDays(1), null, "更名", tree))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("date"));
        assertThat(u.version()).isEqualTo(1);
    }

    @Test
    void kindsAreReadByNameOrChineseLabel() {
        assertThat(RegionKind.parse("区")).isEqualTo(RegionKind.DISTRICT);
        assertThat(RegionKind.parse("DEVELOPMENT_ZONE")).isEqualTo(RegionKind.DEVELOPMENT_ZONE);
        assertThat(DepartmentKind.parse("群团组织")).isEqualTo(DepartmentKind.MASS_ORGANISATION);
        assertThat(AssessmentCategory.parse("镇乡")).isEqualTo(AssessmentCategory.TOWNS);
        assertThat(RegionKind.parse("地区")).isNull();
    }
}
