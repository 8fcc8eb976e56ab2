/** What a local account is notified of, as the client API lists it. */
package de.allmende.domain.notification;
