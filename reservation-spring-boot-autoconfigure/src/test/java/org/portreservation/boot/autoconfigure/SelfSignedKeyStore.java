package org.portreservation.boot.autoconfigure;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Makes a PKCS12 key store with a self-signed certificate for localhost, using the JDK's
 * keytool, and a client context that trusts it.
 */
public final class SelfSignedKeyStore {

	private SelfSignedKeyStore() {
	}

	public static Path create(Path directory) throws Exception {
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

	/**
	 * A TLS context that trusts every certificate, for clients of a self-signed server.
	 * @return the context
	 */
	public static SSLContext trustingEveryone() throws Exception {
		X509TrustManager trustAll = new X509TrustManager() {

			@Override
			public void checkClientTrusted(X509Certificate[] chain, String authType) {
			}

			@Override
			public void checkServerTrusted(X509Certificate[] chain, String authType) {
			}

			@Override
			public X509Certificate[] getAcceptedIssuers() {
				return new X509Certificate[0];
			}

		};
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, new TrustManager[] { trustAll }, new SecureRandom());
		return context;
	}

}
