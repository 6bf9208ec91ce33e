package com.creatorcampaignpro;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CcpApplication {
    public static void main(String[] args) {
        SpringApplication.run(CcpApplication.class, args);
    }
}
