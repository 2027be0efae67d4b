package org.rmmfiji.io;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one-line description (and unit) of a settings key: the single place it is written, read by the launcher's
 * help and key checking. The default is the field's initial value, so it too has one source.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Key {
    /** One line, for {@code ./rmm help "COMMAND"}. */
    String value();

    /** The unit of a number (ms, mV, nF…); empty: none. */
    String unit() default "";
}
