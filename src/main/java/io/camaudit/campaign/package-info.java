/**
 * Information-request campaigns (issue #8), the Freedom of Information approach of the 2022
 * report: the Commissioner's office asks bodies (all, or by sector and region) for their camera
 * register by a deadline, each body answers with a return loaded through the import feature or
 * declines with its reasons, and the office sees who answered and who did not.
 */
@NullMarked
package io.camaudit.campaign;

import org.jspecify.annotations.NullMarked;
