/**
 * Implementation details of the testkit, shared by its emulators. Not exported: no compatibility
 * promise.
 */
package dev.otsdk.testkit.internal;
