package org.sprintchain.node.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets forbiddenapis accept {@code com.sun.net.httpserver} in the class it marks: the JDK's
 * supported, exported {@code jdk.httpserver} module, which its "jdk-non-portable" list bans with
 * the truly internal {@code com.sun.*} packages. Nothing else is exempted.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@interface SuppressForbidden {}
