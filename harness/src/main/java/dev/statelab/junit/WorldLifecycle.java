package dev.statelab.junit;

/** How long one world lives in a test class. */
public enum WorldLifecycle {
  /** One world for the whole class (and its nested classes), closed after the last test. */
  PER_CLASS,
  /** A fresh world for every test method, closed after it. */
  PER_METHOD
}
