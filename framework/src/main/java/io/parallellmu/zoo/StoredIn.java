package io.parallellmu.zoo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link TaskMetadata} record component that an artifact keeps in a file of its own instead of in
 * {@code task.json}: an {@code int[]} as indices separated by spaces, a {@code List<String>} as one token per line
 * (the line number being its id). A {@code null} component writes no file. Every other component is a
 * {@code task.json} field of the same name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface StoredIn {

    /**
     * Returns the file's name in the artifact.
     *
     * @return the name, such as {@code permutation.txt}
     */
    String value();
}
