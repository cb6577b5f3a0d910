@NullMarked
package org.tandem.invitations.ui;

import org.jspecify.annotations.NullMarked;
