/** The due-diligence pages for staff, the supplier portal, the public list, and template administration. */
@NullMarked
package io.camaudit.diligence.web;

import org.jspecify.annotations.NullMarked;
