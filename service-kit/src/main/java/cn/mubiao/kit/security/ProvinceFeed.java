package cn.mubiao.kit.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the endpoints the province's machine client may call (the indicator feed). Every other endpoint
 * refuses a caller with the {@code province} role: the province pulls exactly the indicators it assesses.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProvinceFeed {
}
