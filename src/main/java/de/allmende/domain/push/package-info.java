/** Web Push subscriptions of apps (RFC 8030, 8291, 8292), as Mastodon's client API knows them. */
package de.allmende.domain.push;
