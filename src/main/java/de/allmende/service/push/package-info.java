/**
 * Web Push (issue 10): apps subscribe per access token, and each notification goes, encrypted for the app
 * (RFC 8291) and signed with the node's VAPID key (RFC 8292), to the push services that want it.
 */
package de.allmende.service.push;
