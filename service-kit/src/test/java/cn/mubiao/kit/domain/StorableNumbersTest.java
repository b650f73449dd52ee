package cn.mubiao.kit.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorableNumbersTest {

    @Test
    void everydayValuesPassAndTrailingZerosDoNotCount() {
        assertThat(StorableNumbers.require(new BigDecimal("12345.678"), "value")).isEqualByComparingTo("12345.678");
        assertThat(StorableNumbers.storable(new BigDecimal("1.500000000000000000000000000000000000"))).isTrue();
        assertThat(StorableNumbers.storable(new BigDecimal("1.2E+13"))).isTrue();
        assertThat(StorableNumbers.require(null, "value")).isNull();
    }

    @Test
    void tooManyDigitsDecimalsOrMagnitudeAreA400NamingTheField() {
        assertThatThrownBy(() -> StorableNumbers.require(new BigDecimal("1.0000000000000000000000000000000000001"), "value"))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("value");
        assertThat(StorableNumbers.storable(new BigDecimal("0.0000000000001"))).isFalse();   // 13 decimals
        assertThat(StorableNumbers.storable(new BigDecimal("1E+18"))).isFalse();
        assertThat(StorableNumbers.storable(new BigDecimal("1e7000"))).isFalse();
    }
}
