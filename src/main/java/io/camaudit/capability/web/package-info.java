/** The capability audit's pages: a body's picture, its audits, accounts and schedule; one audit; one device's matrix. */
@NullMarked
package io.camaudit.capability.web;

import org.jspecify.annotations.NullMarked;
