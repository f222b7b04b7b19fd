/** The campaign pages: the office's campaigns, a body's answer, and the notices on its page. */
@NullMarked
package io.camaudit.campaign.web;

import org.jspecify.annotations.NullMarked;
