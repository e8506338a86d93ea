package io.registryguard.gateway.simulator;

import java.time.Clock;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Puts the simulation's clock in place of the gateway's one {@link Clock} bean, so everything time-based in the
 * gateway (sessions, codes, factors, windows) lives in simulated time. Replaces the definition after the
 * configuration classes are read, so the application's own code stays as it ships.
 */
final class SimulatedClock implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private final Clock clock;

    SimulatedClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.addBeanFactoryPostProcessor(beanFactory -> {
            String[] names = beanFactory.getBeanNamesForType(Clock.class, true, false);
            if (names.length != 1) {
                throw new IllegalStateException("expected the gateway to define one Clock bean, found "
                        + String.join(", ", names));
            }
            BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
            registry.removeBeanDefinition(names[0]);
            registry.registerBeanDefinition(names[0], new RootBeanDefinition(Clock.class, () -> clock));
        });
    }
}
