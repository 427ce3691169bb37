package dev.schedex.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application whose users schedule exports of their drawings: the starter does the
 * rest from {@code application.properties}. Run it with {@code mvn -q -pl examples/spring-boot
 * spring-boot:run}; the README has the curl calls.
 */
@SpringBootApplication
public class ExampleApplication {

    /** @param args the command line */
    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }

    /** @return the drawings, the one bean schedex needs from the application */
    @Bean
    Drawings drawings() {
        return Drawings.samples();
    }

    /** @return the demo sign-in: HTTP Basic for alice and bob */
    @Bean
    DemoSignIn demoSignIn() {
        return new DemoSignIn();
    }
}
