package org.tandem.couples;

import org.tandem.accounts.TandemUser;

/** The signed-in CLIENT as a partner: their account, their couple and their own partner row. */
public record SignedInPartner(TandemUser user, long coupleId, long partnerId) {}
