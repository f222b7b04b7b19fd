/**
 * Transparency statements (issue #8): what a body's cameras are and are not doing, for the public.
 * The officer previews the statement drawn from the register, capability audits, egress
 * monitoring, due diligence and the remediation plan, and publishes it; each published version is
 * kept as it was (a later one supersedes it) and shown without sign-in as a page, JSON and PDF.
 */
@NullMarked
package io.camaudit.transparency;

import org.jspecify.annotations.NullMarked;
