CREATE DATABASE chat_test OWNER chat;
