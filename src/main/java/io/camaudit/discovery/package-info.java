/**
 * Network discovery: surveys a network the body may survey, names every camera, recorder and video
 * server on it by its real maker with the evidence, and reconciles what it found with the register.
 */
@NullMarked
package io.camaudit.discovery;

import org.jspecify.annotations.NullMarked;
