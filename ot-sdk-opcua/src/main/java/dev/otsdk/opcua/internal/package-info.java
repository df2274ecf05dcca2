/** The OPC UA driver on Eclipse Milo; not exported. */
package dev.otsdk.opcua.internal;
