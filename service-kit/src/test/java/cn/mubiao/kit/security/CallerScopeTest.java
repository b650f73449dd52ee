package cn.mubiao.kit.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CallerScopeTest {

    private static Caller caller(String unit, String... roles) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u-1")
                .claim("preferred_username", "someone").claim("unit", unit)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        return Caller.from(jwt);
    }

    @Test
    void readsUnitRolesAndLevelFromTheToken() {
        Caller c = caller("410102", "county", "reporter");

        assertThat(c.unit()).isEqualTo("410102");
        assertThat(c.roles()).containsExactlyInAnyOrder("county", "reporter");
        assertThat(c.level()).isEqualTo(Level.COUNTY);
        assertThat(c.username()).isEqualTo("someone");
    }

    @Test
    void cityCoversItsCountiesTownshipsAndDepartmentsButNotAnotherCity() {
        Caller city = caller("410100", "city");

        assertThat(city.covers("410102")).isTrue();
        assertThat(city.covers("410102001")).isTrue();
        assertThat(city.covers("410100-FGW")).isTrue();
        assertThat(city.covers("410200")).isFalse();
    }

    @Test
    void countyCoversOnlyItsOwnSubtree() {
        Caller zhongyuan = caller("410102", "county");

        assertThat(zhongyuan.covers("410102")).isTrue();
        assertThat(zhongyuan.covers("410102003")).isTrue();
        assertThat(zhongyuan.covers("410102-CZJ")).isTrue();
        assertThat(zhongyuan.covers("410105")).isFalse();
        assertThat(zhongyuan.covers("410100")).isFalse();
    }

    @Test
    void departmentCoversOnlyItself() {
        Caller fgw = caller("410100-FGW", "department", "reporter");

        assertThat(fgw.level()).isEqualTo(Level.DEPARTMENT);
        assertThat(fgw.covers("410100-FGW")).isTrue();
        assertThat(fgw.covers("410100-TJJ")).isFalse();
        assertThat(fgw.covers("410102")).isFalse();
    }

    @Test
    void aTokenWithoutUnitCoversNothing() {
        Caller none = new Caller("s", "x", null, null, Set.of("city"));

        assertThat(none.covers("410100")).isFalse();
    }

    @Test
    void unitCodesFollowTheDivisionCodeLevels() {
        assertThat(UnitCodes.levelOf("410000")).isEqualTo(Level.PROVINCE);
        assertThat(UnitCodes.levelOf("410100")).isEqualTo(Level.CITY);
        assertThat(UnitCodes.levelOf("410102")).isEqualTo(Level.COUNTY);
        assertThat(UnitCodes.levelOf("410102001")).isEqualTo(Level.TOWNSHIP);
        assertThat(UnitCodes.levelOf("410100-FGW")).isEqualTo(Level.DEPARTMENT);
        assertThat(UnitCodes.isWellFormed("41010")).isFalse();
        assertThat(UnitCodes.isWellFormed("410100-fgw")).isFalse();
    }

    @Test
    void theNextLevelUpIsTheGovernmentAboveOrADepartmentsOwnGovernment() {
        assertThat(UnitCodes.nextLevelUp("410102")).contains("410100");
        assertThat(UnitCodes.nextLevelUp("410102001")).contains("410102");
        assertThat(UnitCodes.nextLevelUp("410100")).contains("410000");
        assertThat(UnitCodes.nextLevelUp("410100-FGW")).contains("410100");
        assertThat(UnitCodes.nextLevelUp("410102-JYJ")).contains("410102");
        assertThat(UnitCodes.nextLevelUp("410000")).isEmpty();
    }

    private static final UnitRelations INVESTMENT_IN_ZHONGYUAN =
            UnitRelations.of("410102", List.of("410100-JWJ"), "410100-TJJ");

    @Test
    void aDepartmentSeesWhatItLeadsCoHandlesOrMonitorsAndNothingElse() {
        UnitRelations fgwLeads = UnitRelations.of("410100-FGW", List.of(), "410100-TJJ");

        assertThat(caller("410100-FGW", "department").sees(fgwLeads)).as("lead").isTrue();
        assertThat(caller("410100-JWJ", "department").sees(INVESTMENT_IN_ZHONGYUAN)).as("co-unit").isTrue();
        assertThat(caller("410100-TJJ", "department", "monitor").sees(INVESTMENT_IN_ZHONGYUAN)).as("monitor").isTrue();
        assertThat(caller("410100-CZJ", "department").sees(INVESTMENT_IN_ZHONGYUAN)).as("bystander").isFalse();
        assertThat(caller("410100-FGW", "department").sees(INVESTMENT_IN_ZHONGYUAN)).as("bystander").isFalse();
    }

    @Test
    void regionsSeeTheirSubtreeOnly() {
        assertThat(caller("410100", "city").sees(INVESTMENT_IN_ZHONGYUAN)).isTrue();
        assertThat(caller("410102", "county").sees(INVESTMENT_IN_ZHONGYUAN)).isTrue();
        assertThat(caller("410105", "county").sees(INVESTMENT_IN_ZHONGYUAN)).isFalse();
        assertThat(caller("410102001", "county").sees(INVESTMENT_IN_ZHONGYUAN)).as("a township below").isFalse();
    }
}
