package org.tandem.notifications;

/** A person's choice for one kind: in the app only ({@code byEmail} false), or in the app and by e-mail. */
public record EmailChoice(NotificationKind kind, boolean byEmail) {}
