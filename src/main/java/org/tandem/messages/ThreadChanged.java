package org.tandem.messages;

/**
 * What the open pages of a thread's participants are told (through {@link org.tandem.shell.LiveUpdates}) when a
 * message was sent, withdrawn or read in it: its id only; each page reads the thread again through the service.
 */
public record ThreadChanged(long threadId) {}
