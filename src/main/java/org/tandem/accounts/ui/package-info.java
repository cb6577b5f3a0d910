@NullMarked
package org.tandem.accounts.ui;

import org.jspecify.annotations.NullMarked;
