package org.tandem.couples.ui;

import org.tandem.couples.CoupleHeading;

/**
 * A view inside {@link CoupleLayout}. The layout has read the couple's id from the URL and checked that the signed-in
 * therapist may open it before it calls {@link #show}, once per navigation.
 */
public interface CoupleTab {

    void show(CoupleHeading couple);
}
