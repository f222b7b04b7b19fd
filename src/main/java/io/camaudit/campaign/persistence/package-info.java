/** The campaign tables: campaigns, and each body's request and answer. */
@NullMarked
package io.camaudit.campaign.persistence;

import org.jspecify.annotations.NullMarked;
