package org.portreservation.boot.autoconfigure.tomcat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes a PKCS12 key store with a self-signed certificate for localhost, using the JDK's
 * keytool.
 */
final class SelfSignedKeyStore {

	private SelfSignedKeyStore() {
	}

	static Path create(Path directory) throws Exception {
		Path keyStore = directory.resolve("server.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
				"CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
				keyStore.toString(), "-storepass", "secret", "-keypass", "secret")
			.redirectErrorStream(true)
			.start();
		String output = new String(keytool.getInputStream().readAllBytes());
		if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
			throw new IllegalStateException("keytool failed: " + output);
		}
		return keyStore;
	}

}
