package org.rmmfiji.job;

/** The settings of a command that takes none (About RMM): listed with the others, so a macro key given to it is refused by name. */
public final class NoKeys {}
