package org.minsheng.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The browser libraries committed under static/vendor are the ones tools/vendor-console.sh took
 * from npm: every file is listed in SHA256SUMS with its checksum, and nothing else is there.
 */
class VendoredLibrariesTest {

	private static final Path VENDOR = Path.of("src/main/resources/static/vendor");

	@Test
	void everyVendoredFileMatchesTheChecksumItWasFetchedWith() throws IOException, NoSuchAlgorithmException {
		var sums = Files.readAllLines(VENDOR.resolve("SHA256SUMS"));
		assertThat(sums).isNotEmpty();
		for (var line : sums) {
			var sum = line.substring(0, 64);
			var file = VENDOR.resolve(line.substring(66).replaceFirst("^\\./", ""));
			var digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
			assertThat(HexFormat.of().formatHex(digest)).as(file.toString()).isEqualTo(sum);
		}
		try (Stream<Path> files = Files.walk(VENDOR)) {
			var listed = files.filter(Files::isRegularFile).filter(f -> !f.endsWith("SHA256SUMS")).count();
			assertThat(listed).as("files under static/vendor that SHA256SUMS does not list").isEqualTo(sums.size());
		}
	}

	@Test
	void everyVendoredPackageCarriesItsLicence() throws IOException {
		try (Stream<Path> versions = Files.list(VENDOR).filter(Files::isDirectory).flatMap(VendoredLibrariesTest::children)) {
			versions.forEach(v -> assertThat(v.resolve("LICENSE")).as(v.toString()).exists());
		}
	}

	/**
	 * A browser resolves a bare import ("vue") only through an import map, an inline script the
	 * console's Content-Security-Policy refuses: every vendored module imports by relative path.
	 */
	@Test
	void everyVendoredModuleImportsByRelativePathOnly() throws IOException {
		var imports = java.util.regex.Pattern.compile("(?:\\bfrom|\\bimport)\\s*[\"']([^\"']+)[\"']");
		try (Stream<Path> files = Files.walk(VENDOR)) {
			var modules = files.filter(f -> f.toString().endsWith(".mjs") || f.toString().endsWith(".esm-browser.prod.js")
					|| f.toString().endsWith(".esm.min.js")).toList();
			assertThat(modules).hasSizeGreaterThanOrEqualTo(4);
			for (var module : modules) {
				var m = imports.matcher(Files.readString(module));
				while (m.find()) {
					assertThat(m.group(1)).as(module + " imports").matches("\\.{1,2}/.*");
				}
			}
		}
		var elementPlus = Files.readString(VENDOR.resolve("element-plus/2.14.8/dist/index.full.min.mjs"));
		assertThat(elementPlus).contains("from\"../../../vue/3.5.47/dist/vue.runtime.esm-browser.prod.js\"");
		assertThat(VENDOR.resolve("vue/3.5.47/dist/vue.runtime.esm-browser.prod.js")).exists();
	}

	private static Stream<Path> children(Path dir) {
		try {
			return Files.list(dir).filter(Files::isDirectory).toList().stream();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
