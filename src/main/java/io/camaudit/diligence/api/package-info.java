/** The due-diligence API: suppliers, requests and the public list as JSON. */
@NullMarked
package io.camaudit.diligence.api;

import org.jspecify.annotations.NullMarked;
